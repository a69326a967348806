import asyncio


async def courier(fut, seconds, item):
    await asyncio.sleep(seconds)
    print(f'骑手: {item} 送达')
    fut.set_result(item)


async def main():
    loop = asyncio.get_running_loop()
    milk_tea = loop.create_future()
    pizza = loop.create_future()

    # call_later takes the function and its arguments separately: it calls it later, not now.
    loop.call_later(1, milk_tea.set_result, '奶茶')
    delivery = asyncio.create_task(courier(pizza, 2, '披萨'))

    print('等待外卖…')
    print('收到', await milk_tea)
    print('收到', await pizza)
    await delivery


asyncio.run(main())
