import asyncio


async def courier(fut, seconds, item):
    await asyncio.sleep(seconds)
    print(f'骑手: {item} 送达')
    fut.set_result(item)


async def main():
    loop = asyncio.get_running_loop()
    milk_tea = loop.create_future()
    pizza = loop.create_future()

    # Mistake: `milk_tea.set_result('奶茶')` runs immediately (the milk tea "arrives" at t=0) and
    # returns None, so call_later schedules None, which fails at t=1 with a TypeError logged by the loop.
    loop.call_later(1, milk_tea.set_result('奶茶'))
    asyncio.create_task(courier(pizza, 2, '披萨'))

    print('等待外卖…')
    print('收到', await milk_tea)
    print('收到', await pizza)


asyncio.run(main())
