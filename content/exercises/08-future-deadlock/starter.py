import asyncio


async def worker(fut):
    print('worker: 开始计算')
    await asyncio.sleep(1)
    print('worker: 计算完成')
    # TODO: 把 '42' 设为 fut 的结果


async def main():
    # 获取当前事件循环
    loop = asyncio.get_running_loop()

    # 创建一个 Future 对象，这个对象什么都不做
    fut = loop.create_future()

    # TODO: 让 worker 在后台运行，由它来设置 fut 的结果

    # 等待 fut 的最终结果；没有结果就会一直等待下去
    print('main: 等待结果')
    result = await fut
    print('main: 结果是', result)


asyncio.run(main())
